using System.CommandLine;
using Coravel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncConfig.Runtime.Configuration;
using SyncConfig.Runtime.Execution;
using SyncConfig.Runtime.Scheduling;

namespace SyncConfig.Runtime.Cli;

/// <summary>
/// <c>run</c>: the scheduler on the generic host, in the foreground, as a systemd unit or as a
/// Windows service. Coravel ticks each sync on its own worker (a long sync never delays another's
/// start); the window decision, the abandon and the overlap lock are SyncConfig's own.
/// </summary>
public static class RunCommand
{
    /// <summary>How often each sync's window is looked at; a window opens at most this late.</summary>
    private const int TickSeconds = 30;

    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMinutes(5);

    public static Command Create(CliContext context)
    {
        var check = new Option<bool>("--check")
        {
            Description = "Check every sync's configuration, list each problem and exit (0: all syncs can run, 3: some cannot); starts nothing.",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Refuse to start while any sync has a configuration problem (also the StrictStartup setting). " +
                "Without it the healthy syncs run and the broken ones are reported.",
        };
        var command = new Command("run",
            "Run the scheduler: each sync starts inside its window. Syncs with configuration problems are reported and left out; the others run.")
        {
            check, strict,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var configuration = RuntimeConfiguration.Load(parsed.GetValue(SyncConfigCommandLine.ConfigOption));
            var validation = StartupValidation.Validate(configuration, context.Catalog.Syncs, writesFolders: true);
            var broken = validation.Problems.Where(p => p.Definition.Length > 0).GroupBy(p => p.Definition).ToDictionary(g => g.Key, g => g.ToList());
            var hostProblems = validation.Problems.Any(p => p.Definition.Length == 0);
            var healthy = validation.Syncs.Where(s => !broken.ContainsKey(s.Name)).ToList();
            if (parsed.GetValue(check))
                return Check(context, validation, healthy.Count);
            // A problem of the host (settings, folders, secrets file) concerns every sync; so does asking for fail-fast.
            if (hostProblems || parsed.GetValue(strict) || configuration.Settings.StrictStartup || healthy.Count == 0)
            {
                if (!context.Report(validation))
                {
                    if (healthy.Count == 0 && !hostProblems && context.Catalog.Syncs.Count > 0)
                        context.Error.WriteLine("No sync can run, so the scheduler does not start.");
                    return ExitCodes.InvalidConfiguration;
                }
            }
            else
            {
                foreach (var warning in validation.Warnings)
                    context.Error.WriteLine("warning: " + warning);
                if (broken.Count > 0)
                {
                    context.Error.WriteLine($"{broken.Count} of {context.Catalog.Syncs.Count} syncs have configuration problems and are not scheduled: " +
                        $"{string.Join(", ", broken.Keys.Order(StringComparer.Ordinal))}. The log and the status page name each problem; " +
                        "'syncconfig run --check' lists them.");
                }
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddConfiguration(configuration.Root);
            builder.Services.AddSystemd();
            builder.Services.AddWindowsService(options => options.ServiceName = "SyncConfig");
            builder.Services.AddScheduler();
            // A stopping sync rolls the remote back to its last commit before it returns; give it the time (the host's default is 30 s).
            builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
            using var host = builder.Build();

            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SyncConfig.Scheduler");
            var scheduler = new WindowScheduler(
                context.Runner(configuration), new WindowAttempts(configuration.Settings.StateFolder), configuration.TimeZone,
                context.Clock, logger, configuration.Settings.ProgressLogInterval);
            var scrubber = new SecretScrubber(validation.Syncs.SelectMany(s => s.SecretValues));
            var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

            // Loudly, once at start in the log and for as long as it lasts on the status page; the others run.
            var publisher = context.Publisher(configuration);
            var problemScrubber = new SecretScrubber(validation.Syncs.SelectMany(s => s.SecretValues));
            foreach (var registration in context.Catalog.Syncs)
            {
                var problems = broken.TryGetValue(registration.Name, out var found)
                    ? found.Select(p => problemScrubber.Scrub(p.ToString())).ToList()
                    : null;
                foreach (var problem in problems ?? [])
                    SchedulerLog.Broken(logger, registration.Name, TerminalText.Escape(problem));
                try
                {
                    publisher.RecordProblems(registration, problems);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    SchedulerLog.RunError(logger, registration.Name, TerminalText.Escape(e.Message));
                }
            }
            if (broken.Count > 0)
                SchedulerLog.BrokenSummary(logger, broken.Count, context.Catalog.Syncs.Count);

            // A destination this build cannot reach would only fail every window: say so once and leave it out.
            var scheduled = new List<ResolvedSync>();
            foreach (var sync in healthy)
            {
                if (context.Transports.Unavailable(sync.Destination) is { } unavailable)
                    SchedulerLog.NotScheduled(logger, sync.Name, unavailable);
                else
                    scheduled.Add(sync);
            }

            host.Services.UseScheduler(schedule =>
            {
                // Keeps the page's next windows and running syncs current between attempts.
                schedule.OnWorker("status-page");
                schedule.Schedule(publisher.WritePage).EveryMinute().PreventOverlapping("status-page");

                foreach (var sync in scheduled)
                {
                    schedule.OnWorker("sync:" + sync.Name);
                    schedule.ScheduleAsync(() => scheduler.TickAsync(sync, stopping))
                        .EverySeconds(TickSeconds)
                        .RunOnceAtStart()
                        .PreventOverlapping("sync:" + sync.Name);
                }
            }).OnError(e => SchedulerLog.SchedulerError(logger, TerminalText.Escape(scrubber.Scrub(e.Message))));

            publisher.WritePage();
            foreach (var sync in scheduled)
                SchedulerLog.Scheduled(logger, sync.Name, sync.Registration.Window, configuration.TimeZone.Id);
            await host.RunAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>run --check</c>: every problem of every sync, then which syncs would run.</summary>
    private static int Check(CliContext context, StartupValidationResult validation, int healthy)
    {
        var valid = context.Report(validation);
        var total = context.Catalog.Syncs.Count;
        foreach (var sync in validation.Syncs.Where(s => context.Transports.Unavailable(s.Destination) is not null))
            context.Out.WriteLine($"{sync.Name}: {context.Transports.Unavailable(sync.Destination)} It is not scheduled.");
        context.Out.WriteLine(valid ? $"All {total} syncs are configured; 'syncconfig run' schedules them."
            : healthy == 0 ? $"None of the {total} syncs is configured; 'syncconfig run' would not start."
            : $"{healthy} of {total} syncs are configured; 'syncconfig run' schedules those and reports the others (with --strict it refuses to start).");
        return valid ? ExitCodes.Ok : ExitCodes.InvalidConfiguration;
    }
}
