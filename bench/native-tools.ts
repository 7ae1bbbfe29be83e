/**
 * The native side of the engine benchmark: installs GLPK and lrs from Debian when missing, compiles the
 * C helpers into the gitignored bench/.build/, writes each instance in the tools' input formats and
 * runs them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Rational } from '../language-server/src/math/rational.js';
import type { IntervalInstance } from './instances.js';

export const BUILD_DIR = path.resolve('bench', '.build');
const NATIVE_DIR = path.resolve('bench', 'native');

function has(command: string): boolean {
    return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** apt-get the Debian packages the benchmark compares against, if any piece is missing. */
export function ensurePackages(): void {
    if (has('lrs') && has('glpsol') && existsSync('/usr/include/glpk.h') && has('gcc')) return;
    const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
    const run = (args: string[]): void => {
        const [cmd, ...rest] = [...asRoot, ...args];
        execFileSync(cmd!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    };
    console.log('Installing glpk-utils libglpk-dev lrslib (and gcc) with apt-get …');
    run(['apt-get', 'update']);
    run(['apt-get', 'install', '-y', 'glpk-utils', 'libglpk-dev', 'lrslib', 'gcc']);
}

function compile(source: string, output: string, libs: string[]): string {
    const src = path.join(NATIVE_DIR, source), out = path.join(BUILD_DIR, output);
    if (!existsSync(out) || statSync(out).mtimeMs < statSync(src).mtimeMs) {
        execFileSync('gcc', ['-O2', '-o', out, src, ...libs], { stdio: 'inherit' });
    }
    return out;
}

export interface NativeTools {
    glpk: string;
    timedExec: string;
}

export function prepareNativeTools(): NativeTools {
    ensurePackages();
    mkdirSync(BUILD_DIR, { recursive: true });
    return {
        glpk: compile('glpk_lp.c', 'glpk_lp', ['-lglpk', '-lm']),
        timedExec: compile('timed_exec.c', 'timed_exec', []),
    };
}

/** %.17g-exact double text of a rational (GLPK reads doubles: 1/3 enters as 0.333…). */
const asDouble = (x: Rational): string => x.toNumber().toPrecision(17);

/** GLPK: native in-process dual simplex, fastest of repeated build+solve runs. */
export function runGlpk(tools: NativeTools, inst: IntervalInstance, minTotalMs: number): { value: number; ms: number } {
    const file = path.join(BUILD_DIR, `${inst.name}.lp.txt`);
    const lines = [`${inst.n} ${inst.events.length}`, inst.f.map(asDouble).join(' ')];
    inst.events.forEach((ev, j) => lines.push(`${asDouble(inst.lo[j]!)} ${asDouble(inst.hi[j]!)} ${ev.length} ${ev.join(' ')}`));
    writeFileSync(file, lines.join('\n') + '\n');
    const out = execFileSync(tools.glpk, [file, String(minTotalMs)], { encoding: 'utf8' }).trim().split(/\s+/);
    return { value: Number(out[0]), ms: Number(out[1]) };
}

/** lrs H-representation: Σp = 1 as a linearity, p ≥ 0, and lo ≤ P(A) ≤ hi as rows "b a" (b + a·p ≥ 0). */
export function lrsInput(inst: IntervalInstance): string {
    const n = inst.n;
    const rows: string[] = [['-1', ...Array<string>(n).fill('1')].join(' ')];
    for (let i = 0; i < n; i++) rows.push(['0', ...Array.from({ length: n }, (_, k) => (k === i ? '1' : '0'))].join(' '));
    inst.events.forEach((ev, j) => {
        const ind = Array.from({ length: n }, () => 0);
        for (const i of ev) ind[i] = 1;
        rows.push([inst.lo[j]!.neg().toString(), ...ind.map(String)].join(' '));
        rows.push([inst.hi[j]!.toString(), ...ind.map((x) => String(-x))].join(' '));
    });
    return [inst.name, 'H-representation', 'linearity 1 1', 'begin', `${rows.length} ${n + 1} rational`, ...rows, 'end', ''].join('\n');
}

/** lrs: exact vertex enumeration as a process (start-up included), fastest run; vertices as exact strings. */
export function runLrs(tools: NativeTools, inst: IntervalInstance, minTotalMs: number): { vertices: string[]; ms: number } {
    const input = path.join(BUILD_DIR, `${inst.name}.ine`), output = path.join(BUILD_DIR, `${inst.name}.ext`);
    writeFileSync(input, lrsInput(inst));
    const out = execFileSync(tools.timedExec, [output, String(minTotalMs), 'lrs', input], { encoding: 'utf8' }).trim().split(/\s+/);
    if (out[2] !== '0') throw new Error(`lrs failed on ${inst.name} (exit ${out[2]})`);
    const vertices: string[] = [];
    let inBody = false;
    for (const line of readFileSync(output, 'utf8').split('\n')) {
        const t = line.trim();
        // lrs restarts in wider arithmetic on overflow and prints the output again: keep the last block.
        if (t === 'begin') { inBody = true; vertices.length = 0; continue; }
        if (t === 'end') break;
        if (!inBody || !/^-?\d/.test(t)) continue;
        const parts = t.split(/\s+/);
        if (parts[0] !== '1') throw new Error(`lrs reported a ray on ${inst.name}: ${t}`);
        vertices.push(parts.slice(1).map((s) => Rational.parse(s).toString()).join(','));
    }
    const totals = /\*Totals: vertices=(\d+)/.exec(readFileSync(output, 'utf8'));
    if (!totals || Number(totals[1]) !== vertices.length) throw new Error(`cannot read lrs's output for ${inst.name}`);
    return { vertices, ms: Number(out[0]) };
}
