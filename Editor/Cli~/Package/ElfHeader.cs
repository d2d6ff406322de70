namespace VoiceNpc.Cli.Package
{
    /// <summary>The machine an ELF shared library was built for, read from its header (e_ident, e_machine).</summary>
    public static class ElfHeader
    {
        public const ushort X86_64 = 62;

        /// <summary>e_machine of a little-endian 64-bit ELF file, or null when the bytes are not one.</summary>
        public static ushort? Machine64(byte[] file)
        {
            bool elf = file.Length >= 20 && file[0] == 0x7f && file[1] == (byte)'E' && file[2] == (byte)'L' && file[3] == (byte)'F';
            const byte Class64 = 2, LittleEndian = 1;
            if (!elf || file[4] != Class64 || file[5] != LittleEndian) return null;
            return (ushort)(file[18] | file[19] << 8);
        }
    }
}
