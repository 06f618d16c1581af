using System.Runtime.InteropServices;
using System.Text;

namespace Ctem.Engine.Inputs;

/// <summary>
/// What a path names, asked of the operating system without opening it. .NET reports FIFOs and devices as ordinary
/// files of length 0 and has no API for the file type; opening a FIFO blocks until something writes to it, and
/// opening a device can have effects of its own. So the type comes from <c>statx(2)</c>, which follows links.
/// </summary>
internal static class FileKind
{
    // struct statx has one layout on every Linux architecture: stx_mask (u32) first, stx_mode (u16) at byte 28.
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const uint StatxType = 0x1;
    private const int AtCurrentDirectory = -100;

    private const int TypeMask = 0xF000;

    /// <summary>
    /// "FIFO", "character device", "block device" or "socket" when the path names one; null for a regular file or a
    /// directory, and when the kind cannot be asked (a path that does not exist, an OS other than Linux).
    /// </summary>
    public static string? SpecialKindOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtCurrentDirectory, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType, buffer) != 0
                || (BitConverter.ToUInt32(buffer, 0) & StatxType) == 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library older than statx (glibc 2.28): the caller reads the path as before.
            return null;
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            0x1000 => "FIFO",
            0x2000 => "character device",
            0x6000 => "block device",
            0xC000 => "socket",
            _ => null,
        };
    }

    [DllImport("libc", EntryPoint = "statx")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directoryFd, byte[] path, int flags, uint mask, byte[] buffer);
}
