namespace Conversational.Bots.Customers;

/// <summary>Customer profiles. Anonymous web visitors get a profile too, so every conversation has a customer.</summary>
public interface ICustomerDirectory
{
    Task<CustomerProfile?> FindAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Inserts the profile unless one with its id exists; returns whether it was inserted.</summary>
    Task<bool> AddIfMissingAsync(CustomerProfile profile, CancellationToken cancellationToken);
}
