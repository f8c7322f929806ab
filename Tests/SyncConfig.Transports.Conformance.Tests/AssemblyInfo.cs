[assembly: Parallelize(Scope = ExecutionScope.MethodLevel, Workers = 3)]
