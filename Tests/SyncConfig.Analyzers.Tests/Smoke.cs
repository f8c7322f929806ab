namespace SyncConfig.Tests;

[TestClass]
public sealed class SkeletonTests
{
    [TestMethod]
    public void ProjectLoads() => Assert.IsNotNull(typeof(SkeletonTests).Assembly.GetName().Name);
}
