using System.Globalization;
using Ctem.Core.Stores;

namespace Ctem.Engine.Validation;

/// <summary>Which findings a validation check reproduced: their latest evidence says <c>validated</c>.</summary>
public static class ValidationEvidenceLookup
{
    /// <summary>Finding id → why it counts as a public proof of concept (the SSVC reason), for the product's findings (every product's when null).</summary>
    public static async Task<IReadOnlyDictionary<long, string>> ValidatedAsync(ICtemStore store, string? product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var evidence = await store.GetValidationEvidenceAsync(product, null, cancellationToken);
        return Latest(evidence)
            .Where(e => e.Outcome == ValidationOutcome.Validated)
            .ToDictionary(e => e.FindingId, Reason);
    }

    /// <summary>Each finding's latest evidence (of any check).</summary>
    public static IEnumerable<ValidationEvidence> Latest(IEnumerable<ValidationEvidence> evidence) =>
        (evidence ?? throw new ArgumentNullException(nameof(evidence))).GroupBy(e => e.FindingId).Select(g => g.MaxBy(e => (e.At, e.Id))!);

    public static string Reason(ValidationEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return string.Create(CultureInfo.InvariantCulture, $"validated by check {evidence.CheckId} on {evidence.Target}, {evidence.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
    }
}
