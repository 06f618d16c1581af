using System.Text.Json;
using System.Text.Json.Serialization;
using Ctem.Core.Graph;
using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;
using Ctem.Core.Stores;

namespace Ctem.Storage;

/// <summary>
/// Compile-time JSON metadata for the payload columns a scan reads and writes: building it by reflection cost a
/// short process (a 5-component <c>ctem scan</c>) about a fifth of its time. Types not listed still fall back to
/// reflection (<see cref="StorageJson"/>), so a payload added later works before it is listed here.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RiskAssessment))]
[JsonSerializable(typeof(ProductRiskSettings))]
[JsonSerializable(typeof(ExposureGraph))]
[JsonSerializable(typeof(CveRecord))]
[JsonSerializable(typeof(IReadOnlyList<ScanInput>))]
[JsonSerializable(typeof(List<ScanInput>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<SeverityScore>))]
[JsonSerializable(typeof(SsvcOutcome))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
