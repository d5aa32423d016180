// CoreSolutions: see the module's files.
