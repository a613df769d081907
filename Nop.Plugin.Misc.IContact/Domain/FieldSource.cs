namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents the nopCommerce value a field mapping sends to iContact
/// </summary>
public enum FieldSource
{
    FirstName = 10,
    LastName = 11,
    Company = 12,
    Phone = 13,
    StreetAddress = 14,
    StreetAddress2 = 15,
    City = 16,
    ZipPostalCode = 17,
    StateProvince = 18,
    Country = 19,
    Gender = 20,
    DateOfBirth = 21,
    Language = 22,
    Store = 23,
    RegistrationDate = 24,
    CustomerId = 25,

    /// <summary>
    /// One custom customer attribute (the mapping names it), as the text the customer chose or entered
    /// </summary>
    CustomerAttribute = 30,

    OrderCount = 40,
    TotalSpent = 41,
    FirstOrderDate = 42,
    LastOrderDate = 43,
    LastOrderTotal = 44
}
