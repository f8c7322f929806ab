using Bogus;

namespace SyncConfig.Analyzers.Tests.Infrastructure;

/// <summary>Valid names, hosts and paths beyond the fixed cases; seeded, so a failure reproduces.</summary>
internal static class Fakes
{
    public const int Count = 40;

    public static Faker Faker(int seed) => new() { Random = new Randomizer(seed) };

    public static IEnumerable<T> Many<T>(int seed, Func<Faker, T> make)
    {
        var faker = Faker(seed);
        return Enumerable.Range(0, Count).Select(_ => make(faker)).ToList();
    }

    /// <summary>A folder or share name: letters, digits and hyphens as people write them.</summary>
    public static string Word(Faker f) => f.Random.Bool() ? f.Lorem.Word() : f.Commerce.Department().Replace(" ", "") + f.Random.Number(1, 99);

    public static string Host(Faker f) => f.Random.Number(0, 2) switch
    {
        0 => f.Internet.DomainName(),
        1 => f.Internet.Ip(),
        _ => "srv" + f.Random.Number(1, 999) + "." + f.Internet.DomainWord() + ".local",
    };

    public static string[] Folders(Faker f) => Enumerable.Range(0, f.Random.Number(0, 3)).Select(_ => Word(f)).ToArray();
}
