return ['sauce_access_key' => 'd63bc774-52da-4e7e-9fe4-477e8ee7e9ae'];
