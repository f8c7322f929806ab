using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SyncConfig.Runtime.Tests.Infrastructure;

/// <summary>
/// Debian's chromium, headless: loads a page, returns the DOM after load and every console message
/// (console.error, uncaught exceptions, content-security-policy refusals) from its log.
/// </summary>
public static partial class HeadlessChromium
{
    public static string Executable =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? throw new AssertFailedException("chromium is not installed; run: bash scripts/prerequisites.sh test");

    public static (string Dom, IReadOnlyList<string> ConsoleMessages) Load(string htmlFile)
    {
        using var profile = new TempFolder("syncconfig-chromium");
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.Path, "--enable-logging=stderr", "--v=0",
            "--dump-dom", new Uri(htmlFile).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new AssertFailedException("chromium did not finish loading the page");
        }

        Assert.AreEqual(0, process.ExitCode, "chromium failed: " + error.Result);
        var messages = error.Result.Split('\n').Where(line => ConsoleLine().IsMatch(line)).ToList();
        return (output.Result, messages);
    }

    /// <summary>A PNG of the page as a browser window shows it, for a person to review under the test output.</summary>
    public static void Screenshot(string htmlFile, string pngFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pngFile)!);
        using var profile = new TempFolder("syncconfig-chromium");
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.Path, "--hide-scrollbars", "--window-size=1200,1400",
            "--screenshot=" + pngFile, new Uri(htmlFile).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new AssertFailedException("chromium did not finish the screenshot");
        }

        _ = output.Result;
        Assert.AreEqual(0, process.ExitCode, "chromium failed: " + error.Result);
    }

    /// <summary>The text of the element carrying <c>data-field="<paramref name="field"/>"</c> inside the section of <paramref name="sync"/>.</summary>
    public static string? Field(string dom, string sync, string field)
    {
        var section = Regex.Match(dom, $"<section class=\"sync\" id=\"sync-{Regex.Escape(sync)}\">(.*?)</section>", RegexOptions.Singleline);
        if (!section.Success)
            return null;
        var cell = Regex.Match(section.Groups[1].Value, $"data-field=\"{Regex.Escape(field)}\"[^>]*>([^<]*)<");
        return cell.Success ? System.Net.WebUtility.HtmlDecode(cell.Groups[1].Value) : null;
    }

    [GeneratedRegex(@":CONSOLE[:(]")]
    private static partial Regex ConsoleLine();
}
