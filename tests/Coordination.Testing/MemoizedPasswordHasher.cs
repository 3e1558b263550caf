using System.Collections.Concurrent;
using Coordination.Host.Identity;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Testing;

/// <summary>Identity's own hasher at production's work factor, remembered per process: every test
/// user has the same password, so one PBKDF2 hash is made once and each (hash, password) pair is
/// verified once. Hashing was a fifth of the suite's CPU (100,000 HMAC-SHA512 rounds per new user
/// and per sign-in). Lowering the rounds instead made published host processes rehash test users'
/// hashes at sign-in, which renews the security stamp and signs out other instances' tokens; the
/// hashes here are production's, so they verify anywhere without a rehash.</summary>
internal sealed class MemoizedPasswordHasher : IPasswordHasher<AppUser>
{
    private static readonly PasswordHasher<AppUser> Inner = new();
    private static readonly ConcurrentDictionary<string, Lazy<string>> Hashes = new();
    private static readonly ConcurrentDictionary<(string Hash, string Password), Lazy<PasswordVerificationResult>> Verified = new();

    public string HashPassword(AppUser user, string password)
        => Hashes.GetOrAdd(password, p => new Lazy<string>(() => Inner.HashPassword(user, p))).Value;

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        => Verified.GetOrAdd((hashedPassword, providedPassword), k => new Lazy<PasswordVerificationResult>(() => Inner.VerifyHashedPassword(user, k.Hash, k.Password))).Value;
}
