// Tests against the shared server use their own folders, so they may run side by side.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]
