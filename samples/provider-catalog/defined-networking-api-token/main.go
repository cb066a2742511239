os.Setenv("DN_API_KEY", "dnkey-z78by7irxi0c741ta5qgnu3tg1-pgmt1iatp2wo50ry60lyzbjjjna1s9hlop2035g2thoesct4g1uu")
