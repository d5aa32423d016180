// The umbrella module: `import GameSolve` brings in every public module.
@_exported import SolverSupport
@_exported import ExactArithmetic
@_exported import StrategicGames
@_exported import GameFormats
@_exported import Equilibria
@_exported import LPSolvers
@_exported import CoalitionGames
@_exported import CoreSolutions
@_exported import GameGenerators
@_exported import SolverBenchmarks
@_exported import RepeatedGames
@_exported import CoalitionStructures
@_exported import LearningDynamics
@_exported import EmpiricalGames
@_exported import NashAveraging
@_exported import Sharding
@_exported import ShardedRuns
