const postmarkServerToken = '5c4a7ec3-5d10-4e0e-926b-787275c7c34c';
