package config

import "os"

const (
	HeaderAPIKey        = "X-API-Key"
	HeaderAuthorization = "Authorization"
	DefaultListenAddr   = "http://localhost:8080"
)

type Config struct {
	APIKey    string `env:"API_KEY" json:"-"`
	DBPassword string `env:"DB_PASSWORD" json:"-"`
	Upstream  string `env:"UPSTREAM_URL" envDefault:"https://upstream.example.com"`
}

func Load() Config {
	return Config{
		APIKey:     os.Getenv("API_KEY"),
		DBPassword: os.Getenv("DB_PASSWORD"),
		Upstream:   getenv("UPSTREAM_URL", "https://upstream.example.com"),
	}
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
