// Game solvers built on linear programming: zero-sum minimax, correlated equilibria and
// dominance by mixed strategies. The LP layer (GLPK behind `GLPKSolver`, exact certification of
// every answer) is re-exported so callers can choose how an LP is solved.
@_exported import LinearProgramming
import ExactArithmetic
