using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using SyncConfig.Transports;

namespace SyncConfig.Engine.Protocol;

/// <summary>Retries an operation that failed because the target dropped away, for up to the retry window.</summary>
internal sealed class RemoteRetry
{
    private static readonly ResiliencePropertyKey<long> FirstFailure = new("syncconfig.first-failure");
    private readonly ResiliencePipeline _pipeline;
    private int _retries;

    public RemoteRetry(SyncEngineOptions options, TimeProvider time, ILogger logger)
    {
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                UseJitter = false,
                ShouldHandle = args =>
                {
                    if (args.Outcome.Exception is not RemoteException { IsTransient: true })
                        return ValueTask.FromResult(false);
                    if (!args.Context.Properties.TryGetValue(FirstFailure, out var first))
                    {
                        first = time.GetTimestamp();
                        args.Context.Properties.Set(FirstFailure, first);
                    }
                    return ValueTask.FromResult(time.GetElapsedTime(first) < options.RetryWindow);
                },
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _retries);
                    logger.LogWarning("Retrying after a dropped connection (attempt {Attempt}): {Reason}", args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return default;
                },
            })
            .Build();
    }

    public int Retries => Volatile.Read(ref _retries);

    public async Task<T> RunAsync<T>(Func<int, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var attempt = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) => await state(attempt++, ctx.CancellationToken),
                context, operation);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken) =>
        RunAsync((_, ct) => operation(ct), cancellationToken);

    public Task RunAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        RunAsync(async (_, ct) => { await operation(ct); return true; }, cancellationToken);
}
