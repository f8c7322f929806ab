using System.Text.Json.Serialization;
using SyncConfig.Engine.Repository;

namespace SyncConfig.Engine.Protocol;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(Manifest))]
[JsonSerializable(typeof(Journal))]
[JsonSerializable(typeof(LocalState))]
[JsonSerializable(typeof(LockRecord))]
[JsonSerializable(typeof(TakeoverRecord))]
internal sealed partial class ProtocolJson : JsonSerializerContext;
