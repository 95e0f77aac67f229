-- Every org has its connection row from the moment it exists: the database creates it with the org, so no
-- caller can forget it and store/ needs no knowledge of connectors/. A sandbox org is connected at once (its
-- settings default in the connection's schema); a CRM org waits for an admin to authorise Ripe.
create function ripe_create_org_connection() returns trigger
language plpgsql as $$
begin
  insert into connections (org_id, crm, settings, status, status_reason)
  values (
    new.id,
    new.crm,
    '{}'::jsonb,
    case when new.crm = 'sandbox' then 'connected' else 'error' end,
    case new.crm
      when 'salesforce' then 'Not connected yet: an admin authorises Ripe in Salesforce'
      when 'hubspot' then 'Not connected yet: an admin authorises Ripe in HubSpot'
      else null
    end
  )
  on conflict (org_id) do nothing;
  return new;
end
$$;

create trigger orgs_create_connection after insert on orgs
  for each row execute function ripe_create_org_connection();
