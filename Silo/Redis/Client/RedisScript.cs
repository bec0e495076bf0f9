using System.Security.Cryptography;
using System.Text;

namespace MasteryEngine.Silo.Redis.Client;

/// <summary>A Lua script sent by its SHA1 (EVALSHA), and as text (EVAL) only when the server does not know it yet.</summary>
public sealed class RedisScript
{
    public RedisScript(string source)
    {
        Source = source;
#pragma warning disable CA5350 // Redis names cached scripts by their SHA1; nothing here depends on its strength.
        Sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));
#pragma warning restore CA5350
    }

    public string Source { get; }

    public string Sha1 { get; }

    internal RedisCommand CreateCommand(bool bySha, ReadOnlySpan<RedisArg> keys, ReadOnlySpan<RedisArg> args)
    {
        var all = new RedisArg[3 + keys.Length + args.Length];
        all[0] = bySha ? "EVALSHA" : "EVAL";
        all[1] = bySha ? Sha1 : Source;
        all[2] = keys.Length;
        keys.CopyTo(all.AsSpan(3));
        args.CopyTo(all.AsSpan(3 + keys.Length));
        return RedisCommand.Create(all);
    }
}
