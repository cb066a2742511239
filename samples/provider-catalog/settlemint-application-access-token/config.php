$config['settlemint_access_token'] = 'sm_aat_0lFyktjRVHf6PwgZ';
