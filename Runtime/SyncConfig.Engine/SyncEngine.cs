using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SyncConfig.Engine.Results;
using SyncConfig.Engine.Transports;
using SyncConfig.Engine.Verification;

namespace SyncConfig.Engine;

public sealed class SyncEngine
{
    private readonly ILogger<SyncEngine> _logger;
    private readonly TimeProvider _time;
    private readonly SyncEngineOptions _options;

    public SyncEngine(ILogger<SyncEngine>? logger = null, TimeProvider? timeProvider = null, SyncEngineOptions? options = null)
    {
        _logger = logger ?? NullLogger<SyncEngine>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new SyncEngineOptions();
    }

    public Task<SyncResult> SyncAsync(SyncJob job, IRemoteTransport transport, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<SyncResult> ReinitializeAsync(SyncJob job, IRemoteTransport transport, IProgress<SyncProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<VerifyReport> VerifyAsync(SyncJob job, IRemoteTransport transport, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<ConnectionTestReport> TestConnectionAsync(SyncJob job, IRemoteTransport transport, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
