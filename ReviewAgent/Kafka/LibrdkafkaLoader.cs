using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace MasteryEngine.ReviewAgent.Kafka;

/// <summary>
/// Makes Confluent.Kafka use Debian's librdkafka1 (<c>librdkafka.so.1</c>; librdkafka.redist is not in our feed),
/// once per process. Another component of the same process may have loaded it already (the tests' mock broker):
/// then there is nothing to do.
/// </summary>
public static class LibrdkafkaLoader
{
    public const string LibrdkafkaFileName = "librdkafka.so.1";

    private static readonly Lazy<bool> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureLoaded() => _ = Loaded.Value;

    private static bool Load()
    {
        if (Library.IsLoaded)
        {
            return true;
        }

        if (!NativeLibrary.TryLoad(LibrdkafkaFileName, out _))
        {
            throw new InvalidOperationException(
                $"The native Kafka client library {LibrdkafkaFileName} was not found. Install it with: apt-get install librdkafka1");
        }

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Library).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // A resolver is set already: whoever set it maps the same names.
        }

        if (!Library.IsLoaded)
        {
            Library.Load(LibrdkafkaFileName);
        }

        return true;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) => libraryName switch
    {
        "libdl" => NativeLibrary.Load("libdl.so.2"),
        "librdkafka" => NativeLibrary.Load(LibrdkafkaFileName),
        _ => IntPtr.Zero,
    };
}
