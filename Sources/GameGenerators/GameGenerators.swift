// GameGenerators: see the module's files.
