using System.Collections.Generic;

namespace SyncConfig.Rules;

/// <summary><c>[LocalPathSync]</c>: a path local to the host, a folder or a USB disk.</summary>
#if SYNCCONFIG_ABSTRACTIONS
public
#else
internal
#endif
sealed class LocalPathDestination : PathDestination<LocalPath>
{
    public static readonly LocalPathDestination Kind = new LocalPathDestination();

    private LocalPathDestination()
        : base("LocalPath", "local:")
    {
    }

    private protected override RuleResult<LocalPath> Parse(string? path, string setting) => LocalPath.Parse(path, setting);

    /// <summary><c>PathRoot</c> is <c>E:\</c> for a Windows path, <c>/</c> for a POSIX one.</summary>
    private protected override IEnumerable<NormalizedPart> Parts(LocalPath path) => new[]
    {
        NormalizedPart.Text("PathRoot", path.Style == LocalPathStyle.Windows ? path.Drive + @"\" : "/"),
        NormalizedPart.List("PathSegments", path.Segments),
    };
}
