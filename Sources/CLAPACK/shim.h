// Reference LAPACK ships no C header for its Fortran symbols: declare what GameSolve calls.
// All matrices are column-major; every argument is passed by pointer (Fortran convention).
#ifndef GAMESOLVE_CLAPACK_SHIM_H
#define GAMESOLVE_CLAPACK_SHIM_H

/// Solves A X = B by LU factorisation with partial pivoting (A is n x n, B is n x nrhs).
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv,
            double *b, const int *ldb, int *info);

#endif
