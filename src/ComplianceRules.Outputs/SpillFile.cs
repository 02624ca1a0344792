using Microsoft.Win32.SafeHandles;

namespace ComplianceRules.Outputs;

/// <summary>
/// An owner-only file that a check's spilled runs are appended to, each run a stretch of it that
/// reads back on its own. One file and one handle serve every run, however many there are: a file
/// per run needed a descriptor per run while they were merged, and runs are small (see
/// <see cref="Findings.Evaluation.CheckOptions.RunSize"/>).
/// </summary>
internal sealed class SpillFile(string path) : IDisposable
{
    // Every run being merged keeps a buffer this size.
    private const int ReadBufferBytes = 1 << 14;

    private readonly FileStream output = OwnerOnlyFile.CreateNew(path, FileAccess.Write);
    private SafeFileHandle? input;

    /// <summary>Appends one run written by <paramref name="write"/>; returns its items, read lazily front to back each time they are enumerated.</summary>
    public IEnumerable<T> Append<T>(Action<SpilledFindingWriter> write, Func<SpilledFindingReader, T> readItem)
    {
        var start = output.Position;
        using (var writer = new SpilledFindingWriter(output))
        {
            write(writer);
        }

        // Flushed, so that the stretch can be read while later runs are still being appended.
        output.Flush();
        return Read(start, output.Position - start, readItem);
    }

    public void Dispose()
    {
        output.Dispose();
        input?.Dispose();
    }

    private IEnumerable<T> Read<T>(long start, long length, Func<SpilledFindingReader, T> readItem)
    {
        input ??= File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        using var reader = new SpilledFindingReader(new BufferedStream(new Stretch(input, start, length), ReadBufferBytes));
        for (var remaining = reader.ReadCount(); remaining > 0; remaining--)
        {
            yield return readItem(reader);
        }
    }

    /// <summary>One run's bytes, read at their offsets (so the runs share the file's handle, each with a position of its own).</summary>
    private sealed class Stretch(SafeFileHandle file, long start, long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - position);
            if (count <= 0)
            {
                return 0;
            }

            var read = RandomAccess.Read(file, buffer[..count], start + position);
            position += read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
