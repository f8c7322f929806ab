using System;

namespace SyncConfig;

/// <summary>The daily window a sync may start in. A window may cross midnight. Without it: every day, 00:00–24:00.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SyncWindowAttribute : Attribute
{
    /// <param name="start">24-hour <c>HH:mm</c>.</param>
    /// <param name="end">24-hour <c>HH:mm</c>.</param>
    public SyncWindowAttribute(string start, string end)
    {
        Start = start;
        End = end;
    }

    public string Start { get; }
    public string End { get; }
    public SyncDays Days { get; set; } = SyncDays.Every;
}
