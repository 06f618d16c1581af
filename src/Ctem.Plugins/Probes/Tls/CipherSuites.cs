namespace Ctem.Plugins.Probes.Tls;

/// <summary>
/// The weak cipher suite groups, as testssl.sh groups them in its "cipher categories" (its check ids below), each
/// offered alone in a <see cref="ClientHello"/>: a ServerHello choosing one of them means the server offers the group.
/// </summary>
internal static class CipherSuites
{
    public sealed record Group(string CheckId, string Title, string Severity, ushort[] Suites);

    public static IReadOnlyList<Group> Weak { get; } =
    [
        new("cipherlist_NULL", "NULL ciphers (no encryption)", "high", [0x0001, 0x0002, 0x003b, 0xc006, 0xc010]),
        new("cipherlist_aNULL", "Anonymous NULL ciphers (no authentication)", "high", [0x0018, 0x001b, 0x0034, 0x003a, 0x006c, 0x006d, 0xc018, 0xc019]),
        new("cipherlist_EXPORT", "Export ciphers (w/o ADH+NULL)", "high", [0x0003, 0x0006, 0x0008, 0x000b, 0x000e, 0x0011, 0x0014]),
        new("cipherlist_LOW", "LOW: 64 Bit + DES, RC[2,4], MD5 (w/o export)", "high", [0x0004, 0x0005, 0x0009, 0x000c, 0x000f, 0x0012, 0x0015, 0xc002, 0xc007, 0xc00c, 0xc011]),
        new("cipherlist_3DES_IDEA", "Triple DES Ciphers / IDEA", "medium", [0x000a, 0x0007, 0x0010, 0x0013, 0x0016, 0xc003, 0xc008, 0xc00d, 0xc012]),
        new("cipherlist_OBSOLETED", "Obsoleted CBC ciphers (AES, ARIA etc.)", "low", [0x002f, 0x0035, 0x003c, 0x003d, 0x0033, 0x0039, 0x0067, 0x006b, 0xc009, 0xc00a, 0xc013, 0xc014, 0xc023, 0xc024, 0xc027, 0xc028]),
    ];

    /// <summary>A broad list for protocol checks: a server speaking an old protocol finds something it shares.</summary>
    public static IReadOnlyList<ushort> Broad { get; } =
        [0xc02f, 0xc030, 0xc02b, 0xc02c, 0x009c, 0x009d, 0xc013, 0xc014, 0xc009, 0xc00a, 0x002f, 0x0035, 0x000a, 0x0005, 0x0004, 0x0033, 0x0039, 0x0016];
}
