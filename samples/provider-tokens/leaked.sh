echo dckr_pat_ghvufEFSX7CB253c_sN-pzp7Ocw | docker login -u acmebuild --password-stdin

curl -H "X-Api-Key: PMAK-147cc78dc7ca5bec59826aed-e4765ce1eee91d2349ab70b83f995b21e4" https://api.getpostman.com/collections
