using System.Text.Json.Serialization;
using SyncConfig.Engine.Repository;

namespace SyncConfig.Engine.Protocol;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(Manifest))]
[JsonSerializable(typeof(Journal))]
[JsonSerializable(typeof(LocalState))]
internal sealed partial class ProtocolJson : JsonSerializerContext;
