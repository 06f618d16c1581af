using System.Globalization;

namespace Ctem.Storage;

/// <summary>How every stored time is written and read back, identically in both databases.</summary>
internal static class Timestamps
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>
    /// UTC, cut to whole microseconds: PostgreSQL keeps no finer precision, and a value must compare
    /// equal to itself after a round trip or an unchanged advisory would look updated.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TicksPerMicrosecond));
    }

    /// <summary>SQLite text form: round-trip ISO-8601 in UTC, fixed width so text order is time order.</summary>
    public static string ToText(DateTimeOffset value) => Normalize(value).ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Read(object value) => value switch
    {
        DateTimeOffset offset => Normalize(offset),
        DateTime dateTime => Normalize(new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc))),
        string text => Normalize(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)),
        _ => throw new InvalidCastException($"cannot read a timestamp from {value.GetType().Name}"),
    };
}
