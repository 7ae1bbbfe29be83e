// Waiting on a state: polls `probe` until it returns a truthy value (which it returns); a probe that throws
// counts as "not yet". The deadline only bounds a state that never comes.
export async function until(what, probe, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe().catch(() => undefined);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 200));
    }
}
