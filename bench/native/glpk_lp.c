/*
 * Native float reference for `npm run bench:engine`: lower expectation min f·p over
 * { p >= 0, sum p = 1, lo_j <= P(A_j) <= hi_j } with GLPK's dual simplex, in process, so the timing
 * has no process start-up. Each timed solve builds the problem from the parsed instance and solves it.
 *
 * Usage: glpk_lp INSTANCE_FILE MIN_TOTAL_MS
 * Instance file: "n m", then n objective values, then m lines "lo hi k i_1 ... i_k" (0-based members).
 * Output: one line "value ms solves" with the fastest solve's time in milliseconds.
 * Repeats until MIN_TOTAL_MS have passed and at least 3 solves ran (one solve if it took over 1 s).
 */
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
    int n, m;
    double *f, *lo, *hi;
    int *count, **members;
} Instance;

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int read_instance(const char *path, Instance *in) {
    FILE *fp = fopen(path, "r");
    if (!fp) return 0;
    if (fscanf(fp, "%d %d", &in->n, &in->m) != 2) return 0;
    in->f = malloc(sizeof(double) * in->n);
    in->lo = malloc(sizeof(double) * in->m);
    in->hi = malloc(sizeof(double) * in->m);
    in->count = malloc(sizeof(int) * in->m);
    in->members = malloc(sizeof(int *) * in->m);
    for (int i = 0; i < in->n; i++) if (fscanf(fp, "%lf", &in->f[i]) != 1) return 0;
    for (int j = 0; j < in->m; j++) {
        if (fscanf(fp, "%lf %lf %d", &in->lo[j], &in->hi[j], &in->count[j]) != 3) return 0;
        in->members[j] = malloc(sizeof(int) * (in->count[j] + 1));
        for (int k = 0; k < in->count[j]; k++) if (fscanf(fp, "%d", &in->members[j][k]) != 1) return 0;
    }
    fclose(fp);
    return 1;
}

/* Build and solve once; returns the optimal value (NaN unless optimal). */
static double solve(const Instance *in) {
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_cols(lp, in->n);
    for (int i = 0; i < in->n; i++) {
        glp_set_col_bnds(lp, i + 1, GLP_LO, 0.0, 0.0);
        glp_set_obj_coef(lp, i + 1, in->f[i]);
    }
    glp_add_rows(lp, in->m + 1);
    int nnz = in->n;
    for (int j = 0; j < in->m; j++) nnz += in->count[j];
    int *ia = malloc(sizeof(int) * (nnz + 1)), *ja = malloc(sizeof(int) * (nnz + 1));
    double *ar = malloc(sizeof(double) * (nnz + 1));
    int t = 0;
    glp_set_row_bnds(lp, 1, GLP_FX, 1.0, 1.0);
    for (int i = 0; i < in->n; i++) { t++; ia[t] = 1; ja[t] = i + 1; ar[t] = 1.0; }
    for (int j = 0; j < in->m; j++) {
        int type = in->lo[j] == in->hi[j] ? GLP_FX : GLP_DB;
        glp_set_row_bnds(lp, j + 2, type, in->lo[j], in->hi[j]);
        for (int k = 0; k < in->count[j]; k++) { t++; ia[t] = j + 2; ja[t] = in->members[j][k] + 1; ar[t] = 1.0; }
    }
    glp_load_matrix(lp, nnz, ia, ja, ar);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.meth = GLP_DUAL;
    double value = 0.0 / 0.0;
    if (glp_simplex(lp, &parm) == 0 && glp_get_status(lp) == GLP_OPT) value = glp_get_obj_val(lp);
    glp_delete_prob(lp);
    free(ia); free(ja); free(ar);
    return value;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: glpk_lp INSTANCE_FILE MIN_TOTAL_MS\n"); return 2; }
    Instance in;
    if (!read_instance(argv[1], &in)) { fprintf(stderr, "cannot read %s\n", argv[1]); return 2; }
    double min_total = atof(argv[2]);
    glp_term_out(GLP_OFF);
    double best = 1e300, value = 0, start = now_ms();
    int solves = 0;
    for (;;) {
        double t0 = now_ms();
        value = solve(&in);
        double dt = now_ms() - t0;
        if (dt < best) best = dt;
        solves++;
        double elapsed = now_ms() - start;
        if (solves == 1 && dt > 1000) break;
        if (solves >= 3 && elapsed >= min_total) break;
    }
    printf("%.17g %.6f %d\n", value, best, solves);
    return 0;
}
