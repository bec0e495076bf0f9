using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace MasteryEngine.Silo.Kafka;

/// <summary>
/// Makes Confluent.Kafka use Debian's librdkafka1. The librdkafka.redist package (which ships the native library
/// under the names Confluent.Kafka looks for) is not in our feed, and Debian names the files <c>libdl.so.2</c> and
/// <c>librdkafka.so.1</c>, so the names are mapped once per process before the first client is built.
/// </summary>
public static class LibrdkafkaLoader
{
    public const string LibrdkafkaFileName = "librdkafka.so.1";

    private const string LibdlFileName = "libdl.so.2";

    private static readonly Lazy<bool> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads librdkafka once; throws a message naming the package to install when it is missing.</summary>
    public static void EnsureLoaded() => _ = Loaded.Value;

    private static bool Load()
    {
        if (!NativeLibrary.TryLoad(LibrdkafkaFileName, out _))
        {
            throw new InvalidOperationException(
                $"The native Kafka client library {LibrdkafkaFileName} was not found. Install it with: apt-get install librdkafka1");
        }

        NativeLibrary.SetDllImportResolver(typeof(Library).Assembly, Resolve);
        Library.Load(LibrdkafkaFileName);
        return true;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) => libraryName switch
    {
        "libdl" => NativeLibrary.Load(LibdlFileName),
        "librdkafka" => NativeLibrary.Load(LibrdkafkaFileName),
        _ => IntPtr.Zero,
    };
}
