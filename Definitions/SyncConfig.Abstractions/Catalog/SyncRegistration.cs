using System;

namespace SyncConfig.Catalog;

/// <summary>
/// One checked sync definition, as the generator registers it. String values are as written in
/// the definition and may hold <c>$(NAME)</c> references; the runtime resolves them and
/// re-validates the result with the same rules the analyzers use.
/// </summary>
public sealed class SyncRegistration
{
    public SyncRegistration(
        string name,
        string? customName,
        RepositoryRegistration repository,
        string folderName,
        DestinationSettings destination,
        SyncWindowSpec window,
        bool allowBackupsDuringSync,
        bool perFolderUpload)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        CustomName = customName;
        Repository = repository ?? throw new ArgumentNullException(nameof(repository));
        FolderName = folderName ?? throw new ArgumentNullException(nameof(folderName));
        Destination = destination ?? throw new ArgumentNullException(nameof(destination));
        Window = window;
        AllowBackupsDuringSync = allowBackupsDuringSync;
        PerFolderUpload = perFolderUpload;
    }

    /// <summary>The definition's class name: what <c>syncconfig sync NAME</c> takes.</summary>
    public string Name { get; }
    public string? CustomName { get; }

    /// <summary>The custom name, or else the server/local path (as the seed's UI shows it).</summary>
    public string DisplayName => string.IsNullOrEmpty(CustomName) ? Destination.DisplayPath : CustomName!;
    public RepositoryRegistration Repository { get; }
    public string FolderName { get; }
    public DestinationSettings Destination { get; }
    public SyncWindowSpec Window { get; }
    public bool AllowBackupsDuringSync { get; }
    public bool PerFolderUpload { get; }
}

/// <summary>A <c>[SyncRepository]</c> class.</summary>
public sealed class RepositoryRegistration
{
    public RepositoryRegistration(string name, string path)
    {
        Name = name;
        Path = path;
    }

    public string Name { get; }
    public string Path { get; }
}

/// <summary>A daily window in minutes after midnight; End may be less than Start (crosses midnight); 0–1440 is all day.</summary>
public readonly struct SyncWindowSpec : IEquatable<SyncWindowSpec>
{
    public SyncWindowSpec(int startMinute, int endMinute, SyncDays days)
    {
        StartMinute = startMinute;
        EndMinute = endMinute;
        Days = days;
    }

    public static SyncWindowSpec AllDay => new SyncWindowSpec(0, 24 * 60, SyncDays.Every);

    public int StartMinute { get; }
    public int EndMinute { get; }
    public SyncDays Days { get; }

    public bool Equals(SyncWindowSpec other) => StartMinute == other.StartMinute && EndMinute == other.EndMinute && Days == other.Days;
    public override bool Equals(object? obj) => obj is SyncWindowSpec other && Equals(other);
    public override int GetHashCode() => (StartMinute * 397) ^ (EndMinute * 31) ^ (int)Days;
    public override string ToString() => $"{StartMinute / 60:00}:{StartMinute % 60:00}-{EndMinute / 60:00}:{EndMinute % 60:00} {Days}";
}
