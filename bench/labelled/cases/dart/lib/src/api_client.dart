import 'dart:convert';

import 'package:http/http.dart' as http;

class ProfileApi {
  ProfileApi(this._client);

  final http.Client _client;
  static const _token = String.fromEnvironment('PROFILE_API_TOKEN');

  Future<Map<String, dynamic>> profile(String userId) async {
    final uri = Uri.parse('http://profiles.acme-mobile.io/v1/users/$userId');
    final headers = {
      'Authorization': 'Bearer $_token',
      'Accept': 'application/json',
    };
    print('profile request headers: $headers');
    final response = await _client.get(uri, headers: headers);
    if (response.statusCode != 200) {
      throw Exception('profile lookup failed: ${response.statusCode}');
    }
    return jsonDecode(response.body) as Map<String, dynamic>;
  }
}
