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
        var command = new Command("run", "Run the scheduler: each sync starts inside its window. Checks every sync's configuration first.");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var configuration = RuntimeConfiguration.Load(parsed.GetValue(SyncConfigCommandLine.ConfigOption));
            var validation = StartupValidation.Validate(configuration, context.Catalog.Syncs);
            if (!context.Report(validation))
                return ExitCodes.InvalidConfiguration;

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

            // A destination this build cannot reach would only fail every window: say so once and leave it out.
            var scheduled = new List<ResolvedSync>();
            foreach (var sync in validation.Syncs)
            {
                if (context.Transports.Unavailable(sync.Destination) is { } unavailable)
                    logger.LogWarning("{Sync}: not scheduled. {Reason}", sync.Name, unavailable);
                else
                    scheduled.Add(sync);
            }

            var publisher = context.Publisher(configuration);
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
            }).OnError(e => logger.LogError("Scheduler error: {Message}", scrubber.Scrub(e.Message)));

            publisher.WritePage();
            foreach (var sync in scheduled)
                logger.LogInformation("{Sync}: window {Window} ({Zone})", sync.Name, sync.Registration.Window, configuration.TimeZone.Id);
            await host.RunAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
