using Microsoft.AspNetCore.Identity;

namespace Mbk.Portal.Features.Identity;

/// <summary>Identity's validation messages in Swedish, as staff and admins read them.</summary>
public sealed class SwedishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"E-postadressen {email} används redan av ett annat konto.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Det finns redan ett konto för {userName}.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"\"{email}\" är inte en giltig e-postadress.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"\"{userName}\" kan inte användas som användarnamn.");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Lösenordet måste vara minst {length} tecken.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Lösenordet måste innehålla minst en siffra.");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Lösenordet måste innehålla minst en liten bokstav.");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Lösenordet måste innehålla minst en stor bokstav.");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Lösenordet måste innehålla minst ett specialtecken.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Lösenordet måste innehålla minst {uniqueChars} olika tecken.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Länken eller koden är ogiltig eller har gått ut.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Kontot har ändrats av någon annan under tiden. Ladda om och försök igen.");

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Något gick fel. Försök igen.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Kontot har redan rollen {StaffRoles.SwedishName(role)}.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Kontot har inte rollen {StaffRoles.SwedishName(role)}.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
