// CoalitionGames: see the module's files.
