$client = new Client('fo1_aNKH7QbLcmaDsm-u-NeLq7nyZYh4SwJ68GyRYwdkjL7');
