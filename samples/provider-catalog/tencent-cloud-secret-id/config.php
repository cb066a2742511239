$config['tencentcloud_secret_id'] = 'AKID0QBaA7bXgmn4ktasQxzVh8yyTWeeLWoX';
