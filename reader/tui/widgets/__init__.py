"""Line API widgets: the article list, the article view, the key bar."""
