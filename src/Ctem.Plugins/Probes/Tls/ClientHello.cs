using System.Buffers.Binary;
using System.Text;

namespace Ctem.Plugins.Probes.Tls;

/// <summary>
/// A minimal TLS ClientHello written by hand, for what the platform's TLS library refuses to offer: SSLv3, TLS 1.0 and
/// 1.1, and weak cipher suites. It only says hello: the answer's ServerHello tells whether the server would agree, and
/// the connection is closed before any key exchange.
/// </summary>
internal static class ClientHello
{
    public const ushort Ssl3 = 0x0300;
    public const ushort Tls10 = 0x0301;
    public const ushort Tls11 = 0x0302;
    public const ushort Tls12 = 0x0303;

    /// <summary>The record: handshake, ClientHello of <paramref name="version"/> offering <paramref name="suites"/>, with SNI when <paramref name="serverName"/> is a name.</summary>
    public static byte[] Build(ushort version, IReadOnlyList<ushort> suites, string? serverName, bool askOcsp)
    {
        var body = new List<byte>();
        Put16(body, version);
        body.AddRange(new byte[32]); // random: nothing is ever keyed from this hello
        body.Add(0); // no session id
        Put16(body, (ushort)(suites.Count * 2));
        foreach (var suite in suites)
        {
            Put16(body, suite);
        }

        body.Add(1);
        body.Add(0); // null compression only
        if (version != Ssl3)
        {
            var extensions = Extensions(serverName, askOcsp);
            Put16(body, (ushort)extensions.Count);
            body.AddRange(extensions);
        }

        var handshake = new List<byte> { 1 };
        Put24(handshake, body.Count);
        handshake.AddRange(body);
        var record = new List<byte> { 22 };
        Put16(record, version == Ssl3 ? Ssl3 : Tls10);
        Put16(record, (ushort)handshake.Count);
        record.AddRange(handshake);
        return [.. record];
    }

    private static List<byte> Extensions(string? serverName, bool askOcsp)
    {
        var extensions = new List<byte>();
        if (serverName is not null)
        {
            var name = Encoding.ASCII.GetBytes(serverName);
            var list = new List<byte> { 0 };
            Put16(list, (ushort)name.Length);
            list.AddRange(name);
            var data = new List<byte>();
            Put16(data, (ushort)list.Count);
            data.AddRange(list);
            Extension(extensions, 0, data);
        }

        if (askOcsp)
        {
            Extension(extensions, 5, [1, 0, 0, 0, 0]); // status_request: OCSP, no responder ids, no extensions
        }

        // supported_groups x25519, secp256r1, secp384r1; ec_point_formats uncompressed; signature_algorithms the usual RSA and ECDSA ones.
        Extension(extensions, 10, [0, 6, 0, 0x1d, 0, 0x17, 0, 0x18]);
        Extension(extensions, 11, [1, 0]);
        Extension(extensions, 13, [0, 14, 4, 1, 5, 1, 6, 1, 4, 3, 5, 3, 2, 1, 8, 4]);
        Extension(extensions, 0xff01, [0]); // renegotiation_info, empty: servers that insist on it still answer
        return extensions;
    }

    private static void Extension(List<byte> into, ushort type, IReadOnlyCollection<byte> data)
    {
        Put16(into, type);
        Put16(into, (ushort)data.Count);
        into.AddRange(data);
    }

    private static void Put16(List<byte> into, ushort value)
    {
        Span<byte> two = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(two, value);
        into.AddRange(two.ToArray());
    }

    private static void Put24(List<byte> into, int value)
    {
        into.Add((byte)(value >> 16));
        into.Add((byte)(value >> 8));
        into.Add((byte)value);
    }
}

/// <summary>
/// What a server answered a <see cref="ClientHello"/>: its ServerHello's version, cipher suite and extensions, and
/// (TLS 1.2 and older send it in the clear) the certificates of its Certificate message; null for a refusal.
/// </summary>
internal sealed record ServerHello(ushort Version, ushort CipherSuite, IReadOnlyList<ushort> Extensions)
{
    /// <summary>The DER certificates the server sent after its ServerHello, leaf first; empty when none came.</summary>
    public IReadOnlyList<byte[]> Certificates { get; init; } = [];

    /// <summary>The ServerHello in the handshake records of <paramref name="answer"/>; null for an alert, a closed connection or anything else.</summary>
    public static ServerHello? Read(ReadOnlySpan<byte> answer)
    {
        var messages = HandshakeBytes(answer);
        ServerHello? hello = null;
        var at = 0;
        while (at + 4 <= messages.Length)
        {
            var type = messages[at];
            var length = (messages[at + 1] << 16) | (messages[at + 2] << 8) | messages[at + 3];
            if (at + 4 + length > messages.Length)
            {
                break;
            }

            var body = messages.AsSpan(at + 4, length);
            if (type == 2)
            {
                hello = Hello(body);
            }
            else if (type == 11 && hello is not null)
            {
                hello = hello with { Certificates = CertificatesIn(body) };
            }

            at += 4 + length;
        }

        return hello;
    }

    /// <summary>Whether <paramref name="answer"/> holds the whole first flight (up to ServerHelloDone) or a refusal, so reading may stop.</summary>
    public static bool Complete(ReadOnlySpan<byte> answer)
    {
        if (answer.Length >= 1 && answer[0] == 21)
        {
            return true;
        }

        var messages = HandshakeBytes(answer);
        var at = 0;
        while (at + 4 <= messages.Length)
        {
            var length = (messages[at + 1] << 16) | (messages[at + 2] << 8) | messages[at + 3];
            if (messages[at] == 14 || (messages[at] == 2 && at + 4 + length <= messages.Length && Hello(messages.AsSpan(at + 4, length)) is { Version: > 0x0303 or < 0x0300 }))
            {
                return true;
            }

            at += 4 + length;
        }

        return false;
    }

    private static byte[] HandshakeBytes(ReadOnlySpan<byte> answer)
    {
        var messages = new List<byte>();
        var at = 0;
        while (at + 5 <= answer.Length && answer[at] == 22)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(answer[(at + 3)..]);
            var end = Math.Min(answer.Length, at + 5 + length);
            messages.AddRange(answer[(at + 5)..end].ToArray());
            at = end;
        }

        return [.. messages];
    }

    private static ServerHello? Hello(ReadOnlySpan<byte> hello)
    {
        if (hello.Length < 2 + 32 + 1)
        {
            return null;
        }

        var version = BinaryPrimitives.ReadUInt16BigEndian(hello);
        var at = 2 + 32;
        at += 1 + hello[at];
        if (hello.Length < at + 3)
        {
            return null;
        }

        var suite = BinaryPrimitives.ReadUInt16BigEndian(hello[at..]);
        at += 3;
        var extensions = new List<ushort>();
        if (hello.Length >= at + 2)
        {
            var end = Math.Min(hello.Length, at + 2 + BinaryPrimitives.ReadUInt16BigEndian(hello[at..]));
            at += 2;
            while (at + 4 <= end)
            {
                extensions.Add(BinaryPrimitives.ReadUInt16BigEndian(hello[at..]));
                at += 4 + BinaryPrimitives.ReadUInt16BigEndian(hello[(at + 2)..]);
            }
        }

        return new ServerHello(version, suite, extensions);
    }

    private static List<byte[]> CertificatesIn(ReadOnlySpan<byte> body)
    {
        var certificates = new List<byte[]>();
        var at = 3;
        while (at + 3 <= body.Length)
        {
            var length = (body[at] << 16) | (body[at + 1] << 8) | body[at + 2];
            if (at + 3 + length > body.Length)
            {
                break;
            }

            certificates.Add(body.Slice(at + 3, length).ToArray());
            at += 3 + length;
        }

        return certificates;
    }
}
