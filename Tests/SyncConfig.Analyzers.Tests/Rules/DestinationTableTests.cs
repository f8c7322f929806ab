using System.Reflection;
using SyncConfig.Rules;

namespace SyncConfig.Analyzers.Tests.Rules;

/// <summary>Each destination kind's table describes its attribute exactly: a setting added to one and not the other fails here.</summary>
[TestClass]
public sealed class DestinationTableTests
{
    public static IEnumerable<object[]> Kinds => DestinationKinds.All.Select(kind => new object[] { kind.Name });

    [TestMethod]
    [DynamicData(nameof(Kinds))]
    public void TableRowsAreTheAttributesArguments(string name)
    {
        var kind = DestinationKinds.Named(name);
        var attribute = typeof(SyncDestinationAttribute).Assembly.GetType(kind.AttributeName, throwOnError: true)!;
        Assert.IsTrue(attribute.IsSubclassOf(typeof(SyncDestinationAttribute)), attribute.Name);

        var arguments = attribute.GetConstructors().Single().GetParameters().Select(p => (Name: Pascal(p.Name!), Type: p.ParameterType))
            .Concat(attribute.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(p => p.CanWrite).Select(p => (p.Name, Type: p.PropertyType)))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var rows = kind.Settings.Select(s => (s.Name, Type: s.ValueType)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

        CollectionAssert.AreEqual(arguments, rows, $"{attribute.Name}: {string.Join(", ", arguments)} / table: {string.Join(", ", rows)}");
    }

    [TestMethod]
    public void ValuesTakeOnlyTheirKindsRowsWithTheRowsType()
    {
        var local = DestinationKinds.LocalPath;
        Assert.ThrowsExactly<ArgumentException>(() => new DestinationValues(local, [DestinationKinds.NetworkShare.Path.Of(@"\\nas\share")]));
        Assert.ThrowsExactly<ArgumentException>(() => new SettingValue(DestinationKinds.FileTransfer.Port, "22"));

        var values = new DestinationValues(local, [local.Path.Of("/mnt/usb"), local.UserName.Of(null)]);
        Assert.AreEqual("/mnt/usb", values.Get(local.Path));
        CollectionAssert.AreEqual(new[] { local.Path }, values.Given.Select(v => v.Setting).ToArray(), "a row without a value is not given");
        Assert.IsTrue(new DestinationValues(DestinationKinds.S3, []).Get(DestinationKinds.S3.UseHttps), "a row left out has its default");
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
