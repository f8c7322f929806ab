using SyncConfig.Catalog;
using SyncConfig.Testing.Network;
using SyncConfig.Testing.Servers;
using SyncConfig.Transports.Conformance.Tests.Suite;
using SyncConfig.Transports.Conformance.Tests.Targets;
using SyncConfig.Transports.S3;

namespace SyncConfig.Transports.Conformance.Tests;

/// <summary>
/// The S3 transport on the real S3 test server (Swift's s3api on 127.0.0.1, scripts/servers/start s3), each target a
/// fresh root path in the test bucket, reached through a loopback relay that can cut the network. Swift refuses
/// conditional PUTs, so this also runs the engine's lock-file fallback.
/// </summary>
[TestClass]
public sealed class S3Tests : TargetSuite
{
    protected override TargetUnderTest Target { get; } = new S3Store();

    /// <summary>
    /// Each fault costs dozens of HTTP round trips and a fresh root path, so S3 runs one case: a synthetic full, where new
    /// files are placed, new versions staged, promoted by server-side copy and their staged objects deleted after the
    /// commit (a first sync would stage nothing here, S3 having no rename), at every third fault point.
    /// </summary>
    protected override bool BoundedCrashMatrix => true;

    protected override Scenario BoundedScenario => Scenario.SyntheticFull;

    protected override int FaultPointStride => 3;

    private sealed class S3Store : TargetUnderTest
    {
        public override string Name => "S3 (Swift)";

        public override Task<TestTarget> CreateAsync() => Task.FromResult<TestTarget>(new RootPath());
    }

    private sealed class RootPath : TestTarget
    {
        private readonly LoopbackProxy _relay = new(new Uri(TestServers.Get("SYNCTEST_S3_ENDPOINT")).Port);
        private readonly S3Settings _settings;

        public RootPath() => _settings = new(
            S3Service.Custom, _relay.Authority, useHttps: false, TestServers.Get("SYNCTEST_S3_BUCKET"), TestServers.Get("SYNCTEST_S3_REGION"),
            $"conformance/{Guid.NewGuid():N}", TestServers.Get("SYNCTEST_S3_ACCESS_KEY"), TestServers.Get("SYNCTEST_S3_SECRET_KEY"));

        public override IReadOnlyList<string> Secrets => [_settings.SecretKey];

        public override Task CutOffAsync()
        {
            _relay.Down = true;
            return Task.CompletedTask;
        }

        public override async Task<IReadOnlyList<string>> PendingWritesAsync()
        {
            await using var transport = Direct();
            return await transport.ListInterruptedUploadsAsync("", CancellationToken.None);
        }

        protected override IRemoteTransport CreateTransport() => new S3TransportFactory().Create(_settings);

        protected override async ValueTask RemoveAsync()
        {
            await using (var transport = Direct())
                await transport.DeleteFolderAsync("", CancellationToken.None);
            await _relay.DisposeAsync();
        }

        /// <summary>Around the relay, which a test may have cut.</summary>
        private S3Transport Direct() =>
            new(S3TransportFactory.TargetOf(new S3Settings(_settings.Service, new Uri(TestServers.Get("SYNCTEST_S3_ENDPOINT")).Authority,
                _settings.UseHttps, _settings.Bucket, _settings.Region, _settings.RootPath, _settings.AccessKey, _settings.SecretKey)));
    }
}
