plugins {
    kotlin("jvm") version "2.0.20"
    `maven-publish`
}

repositories {
    mavenCentral()
    maven {
        url = uri("https://maven.pkg.github.com/acme/libs")
        credentials {
            username = System.getenv("GITHUB_ACTOR")
            password = System.getenv("GITHUB_TOKEN")
        }
    }
}

publishing {
    repositories {
        maven {
            name = "nexus"
            url = uri("https://nexus.acme-build.com/repository/maven-releases/")
            credentials {
                username = "deployer"
                password = "Falc0n%40ti!"
            }
        }
    }
}
