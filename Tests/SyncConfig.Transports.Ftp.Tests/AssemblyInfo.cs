// Tests against the shared servers use their own folders, so they may run side by side.
[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.MethodLevel)]
