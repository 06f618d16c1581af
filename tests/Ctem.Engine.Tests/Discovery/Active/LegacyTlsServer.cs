namespace Ctem.Engine.Tests.Discovery.Active;

/// <summary>
/// What the platform's TLS library cannot be made to serve: a server speaking only <c>version</c> (TLS 1.0, say), with
/// AES-CBC-SHA and 3DES, or one whose certificate has an RSA key under 2048 bits. It answers a ClientHello offering
/// that version or later with a ServerHello of that version choosing the first suite it shares (then its Certificate
/// and ServerHelloDone, when it has a certificate), and an older hello, or one sharing no suite, with a
/// handshake_failure alert, as such servers do. It never gets to a key exchange: the probe only says hello.
/// </summary>
internal static class LegacyTlsServer
{
    private static readonly ushort[] Supported = [0x002f, 0x0035, 0x000a];

    public static LoopbackServer Start(string address, ushort version = 0x0301, byte[]? certificate = null) =>
        LoopbackServer.Start(address, async (stream, token) =>
        {
            var hello = new byte[4096];
            var read = await stream.ReadAsync(hello, token);
            await stream.WriteAsync(Answer(hello.AsSpan(0, read), version, certificate), token);
        });

    private static byte[] Answer(ReadOnlySpan<byte> record, ushort serverVersion, byte[]? certificate)
    {
        byte[] alert = [21, 3, 1, 0, 2, 2, 40];
        if (record.Length < 9 + 2 + 32 + 1 || record[0] != 22 || record[5] != 1)
        {
            return alert;
        }

        var hello = record[9..];
        var version = (hello[0] << 8) | hello[1];
        var at = 2 + 32;
        at += 1 + hello[at];
        var suitesLength = (hello[at] << 8) | hello[at + 1];
        var offered = new List<ushort>();
        for (var i = 0; i < suitesLength; i += 2)
        {
            offered.Add((ushort)((hello[at + 2 + i] << 8) | hello[at + 3 + i]));
        }

        var chosen = offered.FirstOrDefault(Supported.Contains);
        if (version < serverVersion || chosen == 0)
        {
            return alert;
        }

        // ServerHello: the version, a zero random, no session id, the suite, null compression, no extensions.
        var body = new List<byte> { (byte)(serverVersion >> 8), (byte)serverVersion };
        body.AddRange(new byte[32]);
        body.Add(0);
        body.Add((byte)(chosen >> 8));
        body.Add((byte)chosen);
        body.Add(0);
        var handshake = new List<byte> { 2, 0, 0, (byte)body.Count };
        handshake.AddRange(body);
        if (certificate is not null)
        {
            var entry = Length24(certificate.Length).Concat(certificate).ToList();
            var list = Length24(entry.Count).Concat(entry).ToList();
            handshake.Add(11);
            handshake.AddRange(Length24(list.Count));
            handshake.AddRange(list);
            handshake.AddRange(new byte[] { 14, 0, 0, 0 });
        }

        var answer = new List<byte> { 22, 3, 1, (byte)(handshake.Count >> 8), (byte)handshake.Count };
        answer.AddRange(handshake);
        return [.. answer];
    }

    private static byte[] Length24(int length) => [(byte)(length >> 16), (byte)(length >> 8), (byte)length];
}
