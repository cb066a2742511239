client = NetlifyAPI(api_key="nfp_HXvwQAunFs6NB37r16RnnBC0qEBuj0RxYRh2")
